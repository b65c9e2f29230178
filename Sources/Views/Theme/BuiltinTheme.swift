/// The default theme compiled in, so the console still has colours when `themes/` is not installed.
/// A test keeps this text identical to themes/default.theme.
enum BuiltinTheme {
    static let defaultText = #"""
    # busops default theme (dark background).
    # Format: role = FG [BG] [bold] [dim] [underline] [reverse]   -- see docs/THEMES.md
    # Colours are written in 24-bit; busops degrades them to 256 or 8 colours, or to attributes only.

    normal              = #d0d0d0 default
    header              = #ffffff #303030 bold
    tabActive           = #000000 #5fafff bold
    tabInactive         = #a8a8a8 #303030
    subHeader           = #8a8a8a default
    columnTitle         = #ffffff default bold underline
    selected            = #ffffff #005f87 bold
    dim                 = #808080 default
    sectionTitle        = #5fafff default bold
    key                 = #ffd75f default bold

    status.awaitingPayment = #ffd75f default
    status.awaitingTicket  = #ff875f default bold
    status.issued          = #5fd75f default
    status.closed          = #808080 default
    status.cancelled       = #808080 default
    status.refunding       = #d787ff default bold
    status.refunded        = #5fafff default

    ticket.unknown      = #808080 default
    ticket.issuing      = #ffd75f default
    ticket.issued       = #5fd75f default
    ticket.noTicket     = #ff5f5f default bold
    ticket.refunding    = #d787ff default
    ticket.refunded     = #5fafff default
    ticket.refundFailed = #ff5f5f default bold

    ok                  = #5fd75f default
    warn                = #ffd75f default bold
    error               = #ff5f5f default bold

    barSold             = #5f87d7 default
    barHeld             = #ffaf00 default
    barLeft             = #4e4e4e default

    statusBar           = #d0d0d0 #303030
    live                = #5fd75f #303030 bold
    stale               = #ffd75f #303030 bold
    demoBadge           = #000000 #ffd75f bold
    readOnlyBadge       = #ffffff #875fd7 bold
    pausedBadge         = #ffffff #d70000 bold
    gatewayBadge        = default default reverse bold

    dialog              = #d0d0d0 #262626
    dialogTitle         = #ffffff #262626 bold
    dialogButton        = #d0d0d0 #444444
    dialogButtonFocused = #000000 #5fafff bold
    field               = #ffffff #3a3a3a
    fieldFocused        = #ffffff #005f87 underline

    escape              = #ff5f5f default underline
    """#
}
