/// Below `minimumWidth` x `minimumHeight` nothing else is drawn.
public enum TooSmall {
    public static let minimumWidth = 60
    public static let minimumHeight = 16

    public static func isTooSmall(width: Int, height: Int) -> Bool { width < minimumWidth || height < minimumHeight }

    public static func render(into screen: inout Screen) {
        screen.fill(screen.bounds)
        let lines = ["Terminal too small", "\(screen.width)x\(screen.height), need \(minimumWidth)x\(minimumHeight)"]
        let top = max(0, (screen.height - lines.count) / 2)
        for (i, l) in lines.enumerated() where top + i < screen.height {
            screen.put(x: 0, y: top + i, text: DisplayWidth.center(l, in: screen.width), style: Style(i == 0 ? .warn : .dim))
        }
    }
}
