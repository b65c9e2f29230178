/// A longitude/latitude pair (WGS-84 degrees).
public struct Coordinate: Equatable, Sendable {
    public var longitude: Double
    public var latitude: Double
    public init(longitude: Double, latitude: Double) { self.longitude = longitude; self.latitude = latitude }
}

/// Validation of area stations (seed 000: at least three points, in order, edges never crossing).
public enum Geofence {
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case tooFewPoints(Int)
        case outOfRange(index: Int)
        case repeatedPoint(index: Int)
        case edgesCross(Int, Int)
        public var description: String {
            switch self {
            case .tooFewPoints(let n): return "a geofence needs at least 3 points, got \(n)"
            case .outOfRange(let i): return "point \(i + 1) is not a valid longitude/latitude"
            case .repeatedPoint(let i): return "point \(i + 1) repeats the previous point"
            case .edgesCross(let a, let b): return "edges \(a + 1) and \(b + 1) cross; list the points in clockwise or counter-clockwise order"
            }
        }
    }

    /// Checks a polygon; the closing edge (last → first) is implied.
    public static func validate(_ points: [Coordinate]) throws(Problem) {
        guard points.count >= 3 else { throw .tooFewPoints(points.count) }
        for (i, p) in points.enumerated() {
            guard (-180...180).contains(p.longitude), (-90...90).contains(p.latitude) else { throw .outOfRange(index: i) }
            if i > 0, points[i - 1] == p { throw .repeatedPoint(index: i) }
        }
        let n = points.count
        for i in 0..<n {
            for j in (i + 1)..<n {
                // Adjacent edges share a vertex; that is not a crossing.
                if j == i + 1 || (i == 0 && j == n - 1) { continue }
                if segmentsIntersect(points[i], points[(i + 1) % n], points[j], points[(j + 1) % n]) {
                    throw .edgesCross(i, j)
                }
            }
        }
        if abs(signedArea(points)) < 1e-12 { throw .edgesCross(0, n - 1) }
    }

    static func signedArea(_ p: [Coordinate]) -> Double {
        var s = 0.0
        for i in 0..<p.count {
            let a = p[i], b = p[(i + 1) % p.count]
            s += a.longitude * b.latitude - b.longitude * a.latitude
        }
        return s / 2
    }

    static func orientation(_ a: Coordinate, _ b: Coordinate, _ c: Coordinate) -> Int {
        let v = (b.longitude - a.longitude) * (c.latitude - a.latitude) - (b.latitude - a.latitude) * (c.longitude - a.longitude)
        if abs(v) < 1e-15 { return 0 }
        return v > 0 ? 1 : -1
    }

    static func onSegment(_ a: Coordinate, _ b: Coordinate, _ p: Coordinate) -> Bool {
        min(a.longitude, b.longitude) <= p.longitude && p.longitude <= max(a.longitude, b.longitude)
            && min(a.latitude, b.latitude) <= p.latitude && p.latitude <= max(a.latitude, b.latitude)
    }

    static func segmentsIntersect(_ p1: Coordinate, _ p2: Coordinate, _ q1: Coordinate, _ q2: Coordinate) -> Bool {
        let o1 = orientation(p1, p2, q1), o2 = orientation(p1, p2, q2)
        let o3 = orientation(q1, q2, p1), o4 = orientation(q1, q2, p2)
        if o1 != o2 && o3 != o4 { return true }
        if o1 == 0 && onSegment(p1, p2, q1) { return true }
        if o2 == 0 && onSegment(p1, p2, q2) { return true }
        if o3 == 0 && onSegment(q1, q2, p1) { return true }
        if o4 == 0 && onSegment(q1, q2, p2) { return true }
        return false
    }

    /// "[[lng,lat],...]" — the stored and wire form.
    public static func encode(_ points: [Coordinate]) -> String {
        "[" + points.map { "[\($0.longitude),\($0.latitude)]" }.joined(separator: ",") + "]"
    }

    public static func decode(_ text: String) -> [Coordinate] {
        let nums = text.split(whereSeparator: { "[], ".contains($0) }).compactMap { Double($0) }
        return stride(from: 0, to: nums.count - 1, by: 2).map { Coordinate(longitude: nums[$0], latitude: nums[$0 + 1]) }
    }
}
