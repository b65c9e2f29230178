import Store
import TOP

/// Departure cities (63238): `{}` lists all; an optional `cityName` or `fromCity` narrows by name (full or short,
/// or a prefix) or admin code. Answers `fromCityList[{provinceName, fromCity, cityCode}]` with the full name, which
/// Fliggy passes back verbatim to 63237 (docs/PROTOCOL.md 63238).
enum FromCityHandler {
    static func handle(_ body: QimenBody, _ ctx: SalesContext) throws -> [(String, JSON)] {
        let name = try body.firstString(["cityName", "fromCity"]).map(CityName.short)
        let cities = try ctx.store.departureCities(name: name, today: ctx.today)
        return [("fromCityList", .array(cities.map { c in
            ["provinceName": .string(c.province), "fromCity": .string(c.fullName), "cityCode": .string(c.code)]
        }))]
    }
}

/// Arrival cities for a departure city (63237): `{"fromCity":"上海市"}` (full name, short name or admin code).
/// Answers `toCityList[{provinceName, toCity, preSellDay}]`; an unknown city is an empty list, not an error
/// (docs/PROTOCOL.md 63237 decision).
enum ToCityHandler {
    static func handle(_ body: QimenBody, _ ctx: SalesContext) throws -> [(String, JSON)] {
        guard let from = try body.firstString(["fromCity", "fromCityName", "fromCityCode"]) else {
            throw QimenFailure.invalid("fromCity is required")
        }
        let codes = try ctx.store.cityCodes(matching: from)
        let cities = codes.isEmpty ? [] : try ctx.store.arrivalCities(fromCityCodes: codes, today: ctx.today)
        return [("toCityList", .array(cities.map { c in
            ["provinceName": .string(c.province), "toCity": .string(c.fullName), "preSellDay": .int(Int64(c.preSellDays))]
        }))]
    }
}
