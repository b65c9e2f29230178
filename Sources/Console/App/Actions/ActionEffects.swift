import Foundation
import Operations
import Store

/// Receives "n of N done" while a long action (stopping a full schedule) runs. A class so the main loop can
/// plug in its redraw after the effect runner is built.
final class ActionProgress {
    var handler: ((_ done: Int, _ total: Int) -> Void)?
    private var lastShown = Date.distantPast
    init() {}

    /// Passes on about twenty reports a second, and always the last one: redrawing for every order of a
    /// thousand-order schedule would cost more than stopping it.
    func report(_ done: Int, _ total: Int) {
        guard let handler else { return }
        let now = Date()
        guard done == total || now.timeIntervalSince(lastShown) >= 0.05 else { return }
        lastShown = now
        handler(done, total)
    }
}

/// The console's side of operator actions: preview what a form asks for, and execute what was confirmed,
/// through the same Operations code path as the headless CLI.
struct ActionEffects {
    let store: Store
    let actor: Actor
    var progress: ActionProgress?

    var operations: Operations { Operations(store: store, actor: actor, now: { ChinaTime.now() }) }

    /// Form values → validated action → preview → confirmation. Any refusal goes back into the form; nothing is written.
    func prepareConfirm(_ purpose: FormPurpose, _ values: [String]) -> [Event] {
        do {
            let action = try FormInput.action(purpose, values)
            let (target, saw) = FormInput.target(purpose)
            if let stale = try StaleCheck.problem(target, saw: saw, store: store) { return [.actionFailed(stale)] }
            let preview = try operations.preview(action)
            // The row may have moved between the check and the read: the preview's version is the one it describes.
            if preview.version != saw, let stale = try StaleCheck.problem(target, saw: saw, store: store) { return [.actionFailed(stale)] }
            return [.confirmReady(confirmation(action, preview))]
        } catch {
            return [.actionFailed(Self.message(error))]
        }
    }

    /// P: the kill switch needs no input, only a confirmation of what it will do.
    func prepareSending(paused: Bool) -> [Event] {
        do {
            let action = OperatorAction.setSending(paused: paused)
            return [.confirmReady(confirmation(action, try operations.preview(action)))]
        } catch {
            return [.actionFailed(Self.message(error))]
        }
    }

    func perform(_ pending: PendingAction) -> [Event] {
        let report: ((Int, Int) -> Void)? = progress.map { p in { p.report($0, $1) } }
        do {
            let result: ActionResult
            switch pending {
            case .operation(let action, let shown):
                result = try operations.execute(action, confirming: shown, progress: report)
            default:
                guard let (action, version) = Self.legacy(pending) else {
                    return [.actionFailed("this action is not bound to a version; nothing was done — start it again")]
                }
                result = try operations.execute(action, expectedVersion: version, progress: report)
            }
            return [.actionDone(result.summary)]
        } catch {
            return [.actionFailed(Self.message(error))]
        }
    }

    func confirmation(_ action: OperatorAction, _ p: ActionPreview) -> ConfirmState {
        ConfirmState(title: p.title, lines: p.lines, pending: .operation(action, shown: p))
    }

    /// Pending actions built from bare fields (bound to a version only, no preview to compare).
    static func legacy(_ p: PendingAction) -> (OperatorAction, Int)? {
        switch p {
        case .operation: return nil
        case .approveRefund(let id, let v, let fee): return (.approveRefund(refundId: id, feeFen: fee), v)
        case .rejectRefund(let id, let v, let code, let reason): return (.rejectRefund(refundId: id, resultCode: code, reason: reason), v)
        case .issueTicket(let order, let v, let no, let pwd, let gate, let seats):
            return (.issueTickets(IssueTickets(agentOrderId: order, ticketNo: no, ticketPwd: pwd, gate: gate, seats: seats)), v)
        case .failIssue(let order, let v, let reason): return (.issueFailed(agentOrderId: order, reason: reason), v)
        case .offlineRefund(let order, let v, let ticket, let amount):
            return (.offlineRefund(agentOrderId: order, ticket: ticket.map(TicketRef.agentTicketId), amountFen: amount), v)
        case .moneyRefund(let order, let v, let amount, let reason): return (.moneyRefund(agentOrderId: order, amountFen: amount, reason: reason), v)
        case .stopSchedule(let id, let v, let code): return (.stopSchedule(scheduleId: id, reasonCode: code, reason: nil), v)
        case .retryCallback: return nil
        }
    }

    /// Refusals are written for the operator already; anything else is shown as it is (never carries a secret).
    static func message(_ error: Error) -> String {
        if let e = error as? OperationError { return e.message }
        if let e = error as? StoreError { return e.message }
        return String(describing: error)
    }
}
