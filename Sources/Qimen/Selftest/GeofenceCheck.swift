/// docs/PROTOCOL.md (Qimen) 63236 `geofence`: "≥ 3 points, one winding, no crossing". Checked on the
/// plane of (longitude, latitude), which is exact enough for areas a few kilometres wide.
enum GeofenceCheck {
    struct Point: Equatable, Sendable {
        var x: Double, y: Double
        init(_ x: Double, _ y: Double) { self.x = x; self.y = y }
    }

    /// nil when the polygon is acceptable, else the reason. A ring closed by repeating the
    /// first point at the end is accepted as the same ring (a common GIS habit).
    static func problem(_ input: [Point]) -> String? {
        var points = input
        if points.count > 3, points.first == points.last { points.removeLast() }
        guard points.count >= 3 else { return "\(points.count) points (needs ≥ 3)" }
        let n = points.count
        for i in 0..<n where points[i] == points[(i + 1) % n] {
            return "points \(i) and \((i + 1) % n) coincide"
        }
        func edge(_ i: Int) -> (Point, Point) { (points[i], points[(i + 1) % n]) }
        for i in 0..<n {
            for j in (i + 1)..<n {
                let adjacent = j == i + 1 || (i == 0 && j == n - 1)
                let (a, b) = edge(i), (c, d) = edge(j)
                if adjacent {
                    // Neighbours share one vertex; they may only meet there, not fold back over each other.
                    let shared = j == i + 1 ? b : a
                    let p = j == i + 1 ? a : b, q = j == i + 1 ? d : c
                    if orientation(shared, p, q) == 0, dot(shared, p, q) > 0 { return "edges \(i) and \(j) overlap" }
                } else if intersects(a, b, c, d) {
                    return "edges \(i) and \(j) cross"
                }
            }
        }
        return nil
    }

    /// Segments ab and cd share at least one point (touching and collinear overlap included).
    static func intersects(_ a: Point, _ b: Point, _ c: Point, _ d: Point) -> Bool {
        let o1 = orientation(a, b, c), o2 = orientation(a, b, d)
        let o3 = orientation(c, d, a), o4 = orientation(c, d, b)
        if o1 != o2 && o3 != o4 { return true }  // the general case, touching included
        // Collinear cases: an end of one segment lying on the other.
        return (o1 == 0 && onSegment(a, c, b)) || (o2 == 0 && onSegment(a, d, b))
            || (o3 == 0 && onSegment(c, a, d)) || (o4 == 0 && onSegment(c, b, d))
    }

    /// Sign of the cross product (b − a) × (c − a): 1 left turn, −1 right turn, 0 collinear.
    static func orientation(_ a: Point, _ b: Point, _ c: Point) -> Int {
        let cross = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
        // Degrees carry ~6 decimals; products of such differences below 1e-14 are noise.
        if abs(cross) < 1e-14 { return 0 }
        return cross > 0 ? 1 : -1
    }

    /// q lies within the bounding box of p–r (callers know the three are collinear).
    static func onSegment(_ p: Point, _ q: Point, _ r: Point) -> Bool {
        q.x <= max(p.x, r.x) && q.x >= min(p.x, r.x) && q.y <= max(p.y, r.y) && q.y >= min(p.y, r.y)
    }

    /// (p − o) · (q − o): positive when p and q lie on the same side of o.
    static func dot(_ o: Point, _ p: Point, _ q: Point) -> Double {
        (p.x - o.x) * (q.x - o.x) + (p.y - o.y) * (q.y - o.y)
    }
}
