import TOP

/// Departure cities (63238): `{"cityName":"杭"}` filters by name prefix; empty body lists all.
enum FromCityHandler {
    static func handle(_ body: QimenBody, _ ctx: SalesContext) throws -> [(String, JSON)] {
        let prefix = try body.optionalString("cityName")
        let cities = try ctx.store.departureCities(namePrefix: prefix)
        return [("cities", .array(cities.map(SalesJSON.city)))]
    }
}

/// Arrival cities for a departure city (63237): `{"fromCityCode":"330100"}`.
enum ToCityHandler {
    static func handle(_ body: QimenBody, _ ctx: SalesContext) throws -> [(String, JSON)] {
        let from = try body.cityCode("fromCityCode")
        let cities = try ctx.store.arrivalCities(fromCityCode: from)
        return [("cities", .array(cities.map(SalesJSON.city)))]
    }
}
