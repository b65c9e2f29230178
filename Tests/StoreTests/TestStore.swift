import Foundation
@testable import Store
import TestFixtures

/// A fresh store file in a temporary directory, removed when the test ends (TestFixtures' one temp-store fixture).
typealias TempStore = TemporaryStore

/// A fixed instant (2026-11-21 10:00 GMT+8) so demo data and rule tiers are reproducible.
let fixedNow = TemporaryStore.fixedNow
