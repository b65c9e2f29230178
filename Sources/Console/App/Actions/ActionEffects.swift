import Foundation
import Operations
import Store

/// Receives "n of N done" while a long action (stopping a full schedule) runs on its own thread; the main loop
/// draws it between waits, so a slow terminal (an SSH link) never holds the store's write transaction open.
final class ActionProgress: @unchecked Sendable {
    var handler: ((_ done: Int, _ total: Int) -> Void)?
    private let lock = NSLock()
    private var latest: (Int, Int)?
    private var shown: (Int, Int)?
    init() {}

    /// Called from the action's thread: only records the numbers.
    func report(_ done: Int, _ total: Int) {
        lock.lock(); latest = (done, total); lock.unlock()
    }

    /// Called from the main loop while it waits: draws the newest report once.
    func drawIfChanged() {
        lock.lock(); let now = latest; lock.unlock()
        guard let now, shown.map({ $0 != now }) ?? true else { return }
        shown = now
        handler?(now.0, now.1)
    }
}

/// The console's side of operator actions: preview what a form asks for, and execute what was confirmed,
/// through the same Operations code path as the headless CLI.
struct ActionEffects {
    let store: Store
    let actor: Actor
    var progress: ActionProgress?

    var operations: Operations { Operations(store: store, actor: actor, now: { ChinaTime.now() }) }

    /// Form values → request → preview, bound to the version of the row the form was opened on (the preview is
    /// refused, naming who changed it, if it moved) → confirmation. Any refusal goes back into the form.
    func prepareConfirm(_ purpose: FormPurpose, _ values: [String: String]) -> [Event] {
        do {
            guard let unit = ActionUnits.named(purpose.unit) else { return [.actionFailed("no action named \(purpose.unit)")] }
            let request = try unit.request(row: purpose.row, typed: values)
            let preview = try operations.preview(request)
            return [.confirmReady(ConfirmState(title: preview.title, lines: preview.lines,
                                               pending: PendingAction(request: request, shown: preview), personal: preview.personal))]
        } catch {
            return [.actionFailed(Self.message(error))]
        }
    }

    /// Executes on a thread of its own and waits, drawing progress meanwhile (outside the transaction's thread).
    func perform(_ pending: PendingAction) -> [Event] {
        switch execute(pending, reporting: true) {
        case .success(let result): return [.actionDone(result.summary)]
        case .failure(let error): return [.actionFailed(Self.message(error))]
        }
    }

    /// Marked rows (issue 12): each previewed with its defaults and bound to the version it was marked at; the
    /// rows whose preview is refused are listed as left out. None left: the refusals, and no confirmation.
    func prepareBulk(_ purposes: [FormPurpose]) -> [Event] {
        guard let unit = purposes.first?.unit else { return [] }
        var bulk = BulkConfirm(unit: unit, actions: [], skipped: [])
        for purpose in purposes {
            do {
                guard let u = ActionUnits.named(purpose.unit) else { throw OperationError.invalid("no action named \(purpose.unit)") }
                let request = try u.request(row: purpose.row, typed: [:])
                let preview = try operations.preview(request)
                bulk.actions.append(PendingAction(request: request, shown: preview))
            } catch {
                bulk.skipped.append("\(purpose.row.subjectId): \(Self.message(error))")
            }
        }
        guard let first = bulk.actions.first else {
            return [.actionFailed("none of the \(purposes.count) marked can go ahead: " + bulk.skipped.joined(separator: "; "))]
        }
        // The lines are the previews' briefs: ids and amounts, no personal data to mask.
        return [.confirmReady(ConfirmState(title: BulkUpdate.title(bulk), lines: BulkUpdate.lines(bulk), pending: first, bulk: bulk))]
    }

    /// Each confirmed row through the same path as one (`Operations.execute`): its own transaction, refused if its
    /// row or what it would send moved since the preview; the others go ahead. "n of N" is drawn meanwhile.
    func performBulk(_ bulk: BulkConfirm) -> [Event] {
        var outcome = BulkOutcome(unit: bulk.unit, total: bulk.total, done: [], refused: bulk.skipped)
        for (i, pending) in bulk.actions.enumerated() {
            switch execute(pending, reporting: false) {
            case .success(let result): outcome.done.append(result.summary)
            case .failure(let error): outcome.refused.append("\(pending.request.subject): \(Self.message(error))")
            }
            progress?.report(i + 1, bulk.actions.count)
            progress?.drawIfChanged()
        }
        return [.bulkDone(outcome)]
    }

    /// One action on a thread of its own; the main loop waits, drawing the action's own progress when `reporting`.
    func execute(_ pending: PendingAction, reporting: Bool) -> Result<ActionResult, Error> {
        let box = ResultBox()
        // The main loop only waits while the action's thread uses the store's connection: never two at once.
        nonisolated(unsafe) let operations = operations
        let progress = reporting ? progress : nil
        let thread = Thread {
            box.set(Result { try operations.execute(pending.request, confirming: pending.shown, progress: progress.map { p in { p.report($0, $1) } }) })
        }
        thread.start()
        while !box.wait(0.05) { progress?.drawIfChanged() }
        progress?.drawIfChanged()   // the last report (n of n), after the commit
        return box.value!
    }

    /// Refusals are written for the operator already; anything else is shown as it is (never carries a secret).
    static func message(_ error: Error) -> String {
        if let e = error as? OperationError { return e.message }
        if let e = error as? StoreError { return e.message }
        return String(describing: error)
    }
}

/// The result of an action run on another thread, handed back once.
private final class ResultBox: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private(set) var value: Result<ActionResult, Error>?
    func set(_ v: Result<ActionResult, Error>) { value = v; done.signal() }
    func wait(_ seconds: Double) -> Bool { done.wait(timeout: .now() + seconds) == .success }
}
