import TOP

extension ActionPreview {
    /// The preview of an action that sends one TOP callback: what will be sent is that callback's business JSON.
    /// `personal` are the values the lines carry, masked in the console until revealed.
    init(title: String, lines: [String], version: Int, sending callback: some TopCallback, personal: PersonalValues) {
        self.init(title: title, lines: lines, version: version, method: callback.method,
                  params: [callback.businessJSON().compactText], personal: personal)
    }
}
