import XCTest
@testable import Store
@testable import Views

/// Issue 12, on Seats: this morning's departed schedules said 在售, and the header counted stopped schedules'
/// seats as left. Departed rows are marked; the header's "left on sale" leaves out stopped and departed seats and
/// counts those schedules apart.
final class SeatsTruthTests: XCTestCase {
    func testDepartedMarkedAndHeaderCountsOnlySeatsOnSale() {
        // Fixtures.schedule(i) departs at 07:00 + 45 min * i; at 09:00 schedules 0–2 have left (2 is also stopped).
        let nine = Fixtures.day + 9 * 3600
        let rows = (0..<6).map(Fixtures.schedule)
        let m = SeatsViewModel(day: Fixtures.day, schedules: rows, selected: 1, now: nine)
        var s = Screen(width: 120, height: 40)
        let body = Chrome.render(Fixtures.chrome(tab: 1), into: &s)
        SeatsView.render(m, into: &s, rect: body)
        Golden.check(s, "seats-departed-120x40", styles: true)
        let text = s.text()
        let onSale = rows.filter { $0.onSale && $0.departsAt > nine }.reduce(0) { $0 + $1.seatsLeft }
        XCTAssertTrue(text[1].contains("\(onSale) on sale"), text[1])
        XCTAssertTrue(text[1].contains("1 停运") && text[1].contains("3 departed"), text[1])
        XCTAssertTrue(text[3].contains("已发车 departed") && !text[3].contains("在售"), text[3])
        XCTAssertTrue(text[5].contains("停运"), "a stopped schedule stays 停运 after it would have left: \(text[5])")
        XCTAssertTrue(text[6].contains("在售"), text[6])
        // At 80x24 every count is whole, beside the list position, and the departed row is still marked.
        var small = Screen(width: 80, height: 24)
        let rect = Chrome.render(Fixtures.chrome(tab: 1), into: &small)
        SeatsView.render(SeatsViewModel(day: Fixtures.day, schedules: rows, offset: 1, selected: 1, now: nine), into: &small, rect: rect)
        Golden.check(small, "seats-departed-80x24", styles: true)
        XCTAssertTrue(small.text()[1].contains("\(onSale) on sale  1 停运  3 departed"), small.text()[1])
    }

    /// A departed row's status is never a cut word (issue 12: "已发车 depa…" at 80 columns): both words where the
    /// column holds them, the Chinese word alone where it does not, at every width from 80 to 120.
    func testDepartedStatusIsWholeAtEveryWidth() {
        let nine = Fixtures.day + 9 * 3600
        let rows = (0..<6).map(Fixtures.schedule)
        var seen: Set<String> = []
        for width in 80...120 {
            var s = Screen(width: width, height: 24)
            let rect = Chrome.render(Fixtures.chrome(tab: 1), into: &s)
            SeatsView.render(SeatsViewModel(day: Fixtures.day, schedules: rows, selected: nil, now: nine), into: &s, rect: rect)
            let departed = s.text().filter { $0.contains("已发车") }
            XCTAssertEqual(departed.count, 2, "the two schedules gone by 09:00 (the third is 停运) at \(width):\n\(s.text().joined(separator: "\n"))")
            for line in departed {
                let status = String(line[line.range(of: "已发车")!.lowerBound...]).trimmingCharacters(in: .whitespaces)
                XCTAssertTrue(status == "已发车 departed" || status == "已发车", "whole words at \(width): \(line)")
                seen.insert(status)
            }
        }
        XCTAssertEqual(seen, ["已发车", "已发车 departed"], "80 columns show the Chinese word alone, 120 both")
    }

    /// At 120 columns the 班次 column read "L-GZ-SZ-20261…", the date and time cut off: at every width a schedule
    /// id is shown whole or not at all.
    func testScheduleIdIsWholeOrAbsentAtEveryWidth() {
        let rows = (0..<6).map { i -> ScheduleSeats in
            var r = Fixtures.schedule(i)
            r.scheduleId = "L-HZA-SHA-2026112\(i)-0700"
            return r
        }
        var widths: [Int] = []
        for width in 80...160 {
            var s = Screen(width: width, height: 24)
            let rect = Chrome.render(Fixtures.chrome(tab: 1), into: &s)
            SeatsView.render(SeatsViewModel(day: Fixtures.day, schedules: rows, selected: nil, now: Fixtures.day), into: &s, rect: rect)
            let lines = s.text().filter { $0.contains("L-HZA") }
            for (i, r) in rows.enumerated() where !lines.isEmpty {
                XCTAssertTrue(lines.contains { $0.contains(r.scheduleId) }, "row \(i) whole at \(width):\n\(lines.joined(separator: "\n"))")
            }
            if !lines.isEmpty { widths.append(width) }
        }
        XCTAssertLessThanOrEqual(widths.first ?? .max, 120, "shown at 120 columns")
    }

    func testSummaryArithmetic() {
        let d = SeatsDaySummary(schedules: 4, seatsTotal: 180, seatsLeft: 100, stopped: 1, stoppedLeft: 45, departed: 2, departedLeft: 20)
        XCTAssertEqual(d.leftOnSale, 35)
    }
}
