// Qimen module.
