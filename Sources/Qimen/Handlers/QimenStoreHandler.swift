import Foundation
import Store
import TOP

/// The real Qimen handlers: every interface answered from the busops store, the same file
/// the console watches, so an order Fliggy creates is on the operators' screens at once.
///
/// Each call borrows its own connection from the pool (SQLite connections are not shared
/// between threads); writes serialize in the store's IMMEDIATE transactions.
public final class QimenStoreHandler: QimenHandling {
    public let settings: QimenSalesSettings
    private let pool: StorePool
    private let onError: (@Sendable (String) -> Void)?
    /// One writer at a time from this process. SQLite would serialize the writers anyway, but
    /// a writer that finds the lock taken sleeps in the busy handler (1 ms, 2 ms, 5 ms, ...
    /// up to 100 ms); queueing on a mutex instead wakes the next one the moment the lock frees,
    /// which keeps create-order's tail latency in single milliseconds under load. Other
    /// processes (console, dispatch) still meet the busy timeout, as before.
    private let writeLock = NSLock()
    private let scheduleCache = ScheduleAnswerCache()

    /// `onError` hears unexpected failures (with the SQLite message, never request data) so
    /// `serve` can log them; Fliggy only sees `internal-error`.
    public init(pool: StorePool, settings: QimenSalesSettings = QimenSalesSettings(),
                onError: (@Sendable (String) -> Void)? = nil) {
        self.pool = pool
        self.settings = settings
        self.onError = onError
    }

    public convenience init(path: String, settings: QimenSalesSettings = QimenSalesSettings(),
                            onError: (@Sendable (String) -> Void)? = nil) throws {
        self.init(pool: try StorePool(path: path), settings: settings, onError: onError)
    }

    public func handle(_ interface: QimenInterface, body: JSON, now: Date) -> QimenResult {
        let epoch = Int(now.timeIntervalSince1970)
        let writes = interface.writesStore
        if writes { writeLock.lock() }
        defer { if writes { writeLock.unlock() } }
        return answer(interface, body: body, epoch: epoch)
    }

    /// Runs `body` while no request of this handler writes (the WAL checkpointer's last step).
    public func excludingWriters<T>(_ body: () throws -> T) rethrows -> T {
        writeLock.lock()
        defer { writeLock.unlock() }
        return try body()
    }

    private func answer(_ interface: QimenInterface, body: JSON, epoch: Int) -> QimenResult {
        do {
            let payload = try pool.with { store in
                try Self.route(interface, QimenBody(body), SalesContext(store: store, now: epoch, settings: settings,
                                                                                 scheduleCache: scheduleCache))
            }
            return .success(payload)
        } catch let failure as QimenFailure {
            return .failure(failure.code, failure.description)
        } catch let error as SalesError {
            return .failure(QimenErrorCode(rawValue: error.code) ?? .internalError, error.description)
        } catch let error as StoreError where error.kind == .busy {
            onError?("\(interface.shortName): \(error)")
            return .failure(.internalError, "the store is busy; retry")
        } catch {
            onError?("\(interface.shortName): \(error)")
            return .failure(.internalError)
        }
    }

    static func route(_ interface: QimenInterface, _ body: QimenBody, _ ctx: SalesContext) throws -> [(String, JSON)] {
        switch interface {
        case .fromCity: return try FromCityHandler.handle(body, ctx)
        case .toCity: return try ToCityHandler.handle(body, ctx)
        case .schedules: return try ScheduleQueryHandler.handle(body, ctx)
        case .seats: return try SeatQueryHandler.handle(body, ctx)
        case .createOrder: return try CreateOrderHandler.handle(body, ctx)
        case .queryOrder: return try OrderQueryHandler.handle(body, ctx)
        case .issueTicket: return try IssueTicketHandler.handle(body, ctx)
        case .refundApply: return try RefundApplyHandler.handle(body, ctx)
        case .refundFee: return try RefundFeeHandler.handle(body, ctx)
        case .stoppedSchedules: return try StoppedSchedulesHandler.handle(body, ctx)
        case .closeOrder: return try CloseOrderHandler.handle(body, ctx)
        case .cancelOrder: return try CancelOrderHandler.handle(body, ctx)
        }
    }
}

extension QimenInterface {
    /// Interfaces that may commit to the store (the rest only read).
    var writesStore: Bool {
        switch self {
        case .createOrder, .issueTicket, .refundApply, .closeOrder, .cancelOrder: return true
        case .fromCity, .toCity, .schedules, .seats, .queryOrder, .refundFee, .stoppedSchedules: return false
        }
    }
}
