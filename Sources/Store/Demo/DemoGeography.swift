/// Real cities (national administrative division codes), stations and lines for the demo store.
enum DemoGeography {
    struct City {
        let code, name, province: String
        /// The official name Fliggy uses (上海市, 香港特别行政区): docs/PROTOCOL.md (Qimen) "Shared rules".
        var fullName: String { code.hasPrefix("81") ? "香港特别行政区" : name + "市" }
    }
    struct Station {
        let code, name, address, cityCode: String
        let lng, lat: Double
        let area: [Coordinate]?   // non-nil: an area station with a geofence
        let features: [String]
    }
    struct Line { let id: String; let stops: [String]; let minutes: [Int]; let basePriceFen: Int }

    static let cities: [City] = [
        City(code: "330100", name: "杭州", province: "浙江省"),
        City(code: "310100", name: "上海", province: "上海市"),
        City(code: "320100", name: "南京", province: "江苏省"),
        City(code: "320500", name: "苏州", province: "江苏省"),
        City(code: "330200", name: "宁波", province: "浙江省"),
        City(code: "330600", name: "绍兴", province: "浙江省"),
        City(code: "330400", name: "嘉兴", province: "浙江省"),
        City(code: "340100", name: "合肥", province: "安徽省"),
        City(code: "320200", name: "无锡", province: "江苏省"),
        City(code: "330300", name: "温州", province: "浙江省"),
        City(code: "440100", name: "广州", province: "广东省"),
        City(code: "440300", name: "深圳", province: "广东省"),
        City(code: "810100", name: "香港", province: "香港特别行政区"),
    ]

    static func square(_ lng: Double, _ lat: Double, _ d: Double) -> [Coordinate] {
        [Coordinate(longitude: lng - d, latitude: lat - d), Coordinate(longitude: lng + d, latitude: lat - d),
         Coordinate(longitude: lng + d, latitude: lat + d), Coordinate(longitude: lng - d, latitude: lat + d)]
    }

    static let stations: [Station] = [
        Station(code: "HZ01", name: "杭州汽车客运中心站", address: "浙江省杭州市上城区九堡镇德胜东路3339号", cityCode: "330100", lng: 120.2868, lat: 30.3094, area: nil, features: ["汽车站"]),
        Station(code: "HZ02", name: "杭州萧山国际机场", address: "浙江省杭州市萧山区空港大道", cityCode: "330100", lng: 120.4344, lat: 30.2295, area: nil, features: ["机场专线"]),
        Station(code: "HZ03", name: "西湖文化广场上车区", address: "浙江省杭州市拱墅区中山北路", cityCode: "330100", lng: 120.1646, lat: 30.2775, area: square(120.1646, 30.2775, 0.004), features: ["定制客运", "市区上车"]),
        Station(code: "SH01", name: "上海长途汽车客运总站", address: "上海市静安区中兴路1666号", cityCode: "310100", lng: 121.4552, lat: 31.2530, area: nil, features: ["汽车站"]),
        Station(code: "SH02", name: "上海虹桥机场T2", address: "上海市闵行区申达一路", cityCode: "310100", lng: 121.3270, lat: 31.1941, area: nil, features: ["机场专线"]),
        Station(code: "SH03", name: "人民广场送达区", address: "上海市黄浦区人民大道", cityCode: "310100", lng: 121.4753, lat: 31.2317,
                area: [Coordinate(longitude: 121.470, latitude: 31.228), Coordinate(longitude: 121.481, latitude: 31.229),
                       Coordinate(longitude: 121.482, latitude: 31.236), Coordinate(longitude: 121.474, latitude: 31.238),
                       Coordinate(longitude: 121.468, latitude: 31.233)], features: ["定制客运"]),
        Station(code: "NJ01", name: "南京长途汽车客运南站", address: "江苏省南京市雨花台区玉兰路", cityCode: "320100", lng: 118.7979, lat: 31.9682, area: nil, features: ["汽车站"]),
        Station(code: "SZ01", name: "苏州汽车客运北站", address: "江苏省苏州市姑苏区西汇路29号", cityCode: "320500", lng: 120.6145, lat: 31.3302, area: nil, features: ["汽车站"]),
        Station(code: "NB01", name: "宁波汽车南站", address: "浙江省宁波市海曙区甬江大道", cityCode: "330200", lng: 121.5352, lat: 29.8585, area: nil, features: ["汽车站"]),
        Station(code: "SX01", name: "绍兴客运中心", address: "浙江省绍兴市越城区二环北路", cityCode: "330600", lng: 120.5820, lat: 30.0301, area: nil, features: ["汽车站"]),
        Station(code: "JX01", name: "嘉兴汽车客运中心", address: "浙江省嘉兴市南湖区中环东路", cityCode: "330400", lng: 120.7765, lat: 30.7630, area: nil, features: ["汽车站"]),
        Station(code: "HF01", name: "合肥汽车客运总站", address: "安徽省合肥市瑶海区明光路", cityCode: "340100", lng: 117.3066, lat: 31.8707, area: nil, features: ["汽车站"]),
        Station(code: "WX01", name: "无锡汽车客运站", address: "江苏省无锡市梁溪区通江大道", cityCode: "320200", lng: 120.3022, lat: 31.5891, area: nil, features: ["汽车站"]),
        Station(code: "WZ01", name: "温州新城汽车站", address: "浙江省温州市鹿城区车站大道", cityCode: "330300", lng: 120.6802, lat: 28.0128, area: nil, features: ["汽车站"]),
        Station(code: "GZ01", name: "广州天河客运站", address: "广东省广州市天河区燕岭路633号", cityCode: "440100", lng: 113.3440, lat: 23.1703, area: nil, features: ["汽车站"]),
        Station(code: "SZ11", name: "深圳福田汽车站", address: "广东省深圳市福田区深南大道8006号", cityCode: "440300", lng: 114.0271, lat: 22.5390, area: nil, features: ["汽车站"]),
        Station(code: "HK01", name: "香港九龙尖沙咀上车区", address: "香港九龙尖沙咀广东道", cityCode: "810100", lng: 114.1694, lat: 22.2966, area: square(114.1694, 22.2966, 0.003), features: ["跨境巴士", "机场专线"]),
    ]

    /// Lines as ordered stops with minutes from departure to each stop.
    static let lines: [Line] = [
        Line(id: "L-HZ-SH", stops: ["HZ01", "JX01", "SH01"], minutes: [0, 75, 170], basePriceFen: 9800),
        Line(id: "L-HZA-SHA", stops: ["HZ02", "SH02"], minutes: [0, 150], basePriceFen: 12000),
        Line(id: "L-HZC-SHC", stops: ["HZ03", "SH03"], minutes: [0, 160], basePriceFen: 8800),
        Line(id: "L-SH-NJ", stops: ["SH01", "SZ01", "WX01", "NJ01"], minutes: [0, 80, 120, 260], basePriceFen: 13500),
        Line(id: "L-HZ-NB", stops: ["HZ01", "SX01", "NB01"], minutes: [0, 60, 140], basePriceFen: 7600),
        Line(id: "L-HZ-HF", stops: ["HZ01", "HF01"], minutes: [0, 300], basePriceFen: 16500),
        Line(id: "L-SH-HZ", stops: ["SH01", "JX01", "HZ01"], minutes: [0, 95, 170], basePriceFen: 9800),
        Line(id: "L-HZ-WZ", stops: ["HZ01", "SX01", "WZ01"], minutes: [0, 60, 270], basePriceFen: 18000),
        Line(id: "L-GZ-SZ", stops: ["GZ01", "SZ11"], minutes: [0, 140], basePriceFen: 6500),
        Line(id: "L-SZ-HK", stops: ["SZ11", "HK01"], minutes: [0, 70], basePriceFen: 11000),
        Line(id: "L-NJ-HF", stops: ["NJ01", "HF01"], minutes: [0, 150], basePriceFen: 8200),
        Line(id: "L-SZ-SH", stops: ["SZ01", "SH01"], minutes: [0, 90], basePriceFen: 4500),
    ]

    static let surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高", "欧阳", "司马"]
    static let givenNames = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "子涵", "浩然", "雨桐"]
    static let idRegions = ["330102", "330106", "310104", "310115", "320102", "320505", "330203", "340104", "440106", "440304"]
    static let phonePrefixes = ["138", "139", "137", "136", "135", "150", "151", "152", "158", "159", "186", "187", "188", "189", "177", "199"]
    static let plates = ["浙A", "沪B", "苏A", "浙B", "皖A", "粤B"]
    static let vehicles = [("宇通", "ZK6122"), ("金龙", "XMQ6127"), ("海格", "KLQ6122"), ("中通", "LCK6126")]
}
