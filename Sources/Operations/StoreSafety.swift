import Store

/// The store-level refusals that come before any action is planned (issue 15; docs/STORE-SAFETY.md): a store file
/// that vanished refuses everything, a damaged store refuses every action that moves money or seats.
enum StoreSafety {
    static func refuseIfUnsafe(_ unit: ActionUnit, store: Store, now: Int) throws {
        if let gone = store.fileProblem() { throw OperationError.notAllowed(gone) }
        if unit.movesMoney, let damage = store.damageReason() {
            throw OperationError.notAllowed(damage.hasPrefix(Store.damagedRefusal) ? "\(damage); nothing was done"
                                            : "\(Store.damagedRefusal); nothing was done (\(damage))")
        }
    }
}
