/// Migration 1: the whole domain of SPEC §3. Times are epoch seconds (shown in GMT+8); money is fen.
/// `version` columns let an operator's action be bound to the row state they saw.
enum Schema1 {
    static let sql = """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

    CREATE TABLE cities (
      code TEXT PRIMARY KEY CHECK (length(code) = 6 AND code GLOB '[0-9][0-9][0-9][0-9][0-9][0-9]'),
      name TEXT NOT NULL, province TEXT NOT NULL,
      is_departure INTEGER NOT NULL DEFAULT 1, is_arrival INTEGER NOT NULL DEFAULT 1);

    CREATE TABLE stations (
      code TEXT PRIMARY KEY, name TEXT NOT NULL, address TEXT NOT NULL,
      city_code TEXT NOT NULL REFERENCES cities(code),
      station_type INTEGER NOT NULL CHECK (station_type IN (1, 2)),   -- 1 fixed point, 2 area (geofence)
      longitude REAL, latitude REAL,
      geofence TEXT,                                                  -- [[lng,lat],...], validated on write
      CHECK ((station_type = 1 AND longitude IS NOT NULL AND latitude IS NOT NULL)
          OR (station_type = 2 AND geofence IS NOT NULL)));

    CREATE TABLE station_features (
      station_code TEXT NOT NULL REFERENCES stations(code), feature TEXT NOT NULL,
      PRIMARY KEY (station_code, feature));

    CREATE TABLE schedules (
      schedule_id TEXT PRIMARY KEY,                 -- stable forever: a new id is a new schedule to Fliggy
      line_id TEXT NOT NULL,
      from_city_code TEXT NOT NULL REFERENCES cities(code),
      to_city_code TEXT NOT NULL REFERENCES cities(code),
      from_date TEXT NOT NULL,                      -- yyyy-MM-dd (GMT+8)
      departs_at INTEGER NOT NULL,
      from_time_type INTEGER NOT NULL DEFAULT 1,    -- 4 = flowing (流水班): departures within a window
      window_end_at INTEGER,
      seats_total INTEGER NOT NULL CHECK (seats_total >= 0),
      seats_sold INTEGER NOT NULL DEFAULT 0,        -- kept in the same transaction as tickets
      seats_held INTEGER NOT NULL DEFAULT 0,        -- kept in the same transaction as seat_holds
      price_fen INTEGER NOT NULL CHECK (price_fen >= 0),
      service_fee_fen INTEGER NOT NULL DEFAULT 0,
      back_days INTEGER NOT NULL DEFAULT 0 CHECK (back_days BETWEEN 0 AND 2),
      is_order_refund INTEGER NOT NULL DEFAULT 1,   -- 1 per order, 0 per ticket
      on_sale INTEGER NOT NULL DEFAULT 1,
      stop_reason TEXT, stop_reason_code INTEGER,
      version INTEGER NOT NULL DEFAULT 1,
      CHECK (seats_sold >= 0 AND seats_held >= 0 AND seats_sold + seats_held <= seats_total));
    CREATE INDEX schedules_by_day ON schedules(from_date, departs_at);

    CREATE TABLE schedule_stops (
      schedule_id TEXT NOT NULL REFERENCES schedules(schedule_id), seq INTEGER NOT NULL,
      station_code TEXT NOT NULL REFERENCES stations(code),
      arrive_at INTEGER, depart_at INTEGER,
      PRIMARY KEY (schedule_id, seq));

    CREATE TABLE segment_prices (
      schedule_id TEXT NOT NULL REFERENCES schedules(schedule_id),
      from_station TEXT NOT NULL, to_station TEXT NOT NULL, price_fen INTEGER NOT NULL CHECK (price_fen >= 0),
      PRIMARY KEY (schedule_id, from_station, to_station));

    CREATE TABLE transfer_points (
      schedule_id TEXT NOT NULL REFERENCES schedules(schedule_id), seq INTEGER NOT NULL,
      name TEXT NOT NULL, address TEXT, longitude REAL, latitude REAL,
      PRIMARY KEY (schedule_id, seq));

    CREATE TABLE refund_rules (                     -- tiers by hours before departure
      schedule_id TEXT NOT NULL REFERENCES schedules(schedule_id),
      hours_from INTEGER NOT NULL, hours_to INTEGER,  -- [from, to); to NULL = no upper bound
      fee_percent INTEGER,                            -- NULL = no refund in this tier
      PRIMARY KEY (schedule_id, hours_from));

    CREATE TABLE orders (
      id INTEGER PRIMARY KEY,
      agent_order_id TEXT NOT NULL UNIQUE,
      main_biz_order_id TEXT NOT NULL UNIQUE,
      alipay_trade_no TEXT,
      schedule_id TEXT NOT NULL REFERENCES schedules(schedule_id),
      from_station TEXT NOT NULL, to_station TEXT NOT NULL,
      departs_at INTEGER NOT NULL,
      contact_name TEXT NOT NULL, contact_phone TEXT NOT NULL,
      ticket_count INTEGER NOT NULL CHECK (ticket_count BETWEEN 1 AND 9),
      total_fen INTEGER NOT NULL CHECK (total_fen >= 0),
      status INTEGER NOT NULL CHECK (status IN (1, 2, 3, 4, 5, 9, 11)),
      fetch_no TEXT, fetch_pwd TEXT, gate TEXT, fetch_address TEXT, seat_numbers TEXT, qr_payload TEXT,
      plate TEXT, driver_name TEXT, driver_phone TEXT, vehicle_model TEXT, vehicle_brand TEXT,
      created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
      paid_at INTEGER, issued_at INTEGER, lock_expires_at INTEGER,
      version INTEGER NOT NULL DEFAULT 1);
    CREATE INDEX orders_by_status ON orders(status, id);
    CREATE INDEX orders_by_phone ON orders(contact_phone);
    CREATE INDEX orders_by_schedule ON orders(schedule_id, status);
    CREATE INDEX orders_by_departure ON orders(departs_at, id);

    CREATE TABLE tickets (
      id INTEGER PRIMARY KEY,
      agent_ticket_id TEXT NOT NULL UNIQUE,
      order_id INTEGER NOT NULL REFERENCES orders(id),
      passenger_id TEXT NOT NULL CHECK (passenger_id GLOB '[0-9]*' AND passenger_id NOT GLOB '*[^0-9]*'),
      name TEXT NOT NULL, cert_type INTEGER NOT NULL DEFAULT 1, cert_no TEXT NOT NULL, phone TEXT,
      seat_no TEXT, price_fen INTEGER NOT NULL, service_fee_fen INTEGER NOT NULL DEFAULT 0,
      status INTEGER NOT NULL CHECK (status IN (-1, 1, 2, 3, 4, 5, 6)),
      is_offline_refund INTEGER NOT NULL DEFAULT 0,
      ticket_no TEXT, ticket_pwd TEXT,
      version INTEGER NOT NULL DEFAULT 1);
    CREATE INDEX tickets_by_order ON tickets(order_id);
    CREATE INDEX tickets_by_cert ON tickets(cert_no);

    CREATE TABLE seat_holds (
      id INTEGER PRIMARY KEY,
      schedule_id TEXT NOT NULL REFERENCES schedules(schedule_id),
      order_id INTEGER NOT NULL UNIQUE REFERENCES orders(id),
      seats INTEGER NOT NULL CHECK (seats > 0),
      expires_at INTEGER NOT NULL);
    CREATE INDEX seat_holds_by_expiry ON seat_holds(expires_at);

    CREATE TABLE refunds (
      id INTEGER PRIMARY KEY,
      refund_id TEXT NOT NULL UNIQUE,
      order_id INTEGER NOT NULL REFERENCES orders(id),
      ticket_id INTEGER REFERENCES tickets(id),      -- set for per-ticket refunds
      source TEXT NOT NULL CHECK (source IN ('online', 'offline', 'merchant', 'money_only')),
      scene TEXT NOT NULL DEFAULT 'common' CHECK (scene IN ('common', 'force')),
      reason_code INTEGER, reason TEXT,
      paid_fen INTEGER NOT NULL,                      -- what the refunded tickets cost; the ceiling for amount + fee
      fee_fen INTEGER NOT NULL DEFAULT 0, amount_fen INTEGER NOT NULL DEFAULT 0,
      status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'done', 'failed')),
      idempotency_key TEXT NOT NULL UNIQUE,           -- agent_refund_trans_id / agent_refund_trans_no
      result_code TEXT,
      requested_at INTEGER NOT NULL, decided_at INTEGER, decided_by TEXT,
      version INTEGER NOT NULL DEFAULT 1,
      CHECK (fee_fen >= 0 AND amount_fen >= 0 AND fee_fen + amount_fen <= paid_fen));
    CREATE INDEX refunds_by_status ON refunds(status, id);
    CREATE INDEX refunds_by_order ON refunds(order_id);

    CREATE TABLE outbox (
      id INTEGER PRIMARY KEY,
      method TEXT NOT NULL,
      order_id INTEGER REFERENCES orders(id),
      refund_id INTEGER REFERENCES refunds(id),
      idempotency_key TEXT NOT NULL UNIQUE,           -- the same on every retry
      params TEXT NOT NULL,                           -- the business JSON, exactly as it will be signed
      state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at INTEGER NOT NULL,
      claimed_by TEXT, claimed_until INTEGER,
      last_http_status INTEGER, last_code TEXT, last_sub_code TEXT, last_msg TEXT,
      last_request TEXT,                              -- form body without secrets
      last_response TEXT,
      created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
    CREATE INDEX outbox_due ON outbox(state, next_attempt_at);
    CREATE INDEX outbox_by_order ON outbox(order_id);

    CREATE TABLE audit (
      id INTEGER PRIMARY KEY,
      at INTEGER NOT NULL, operator TEXT NOT NULL, source TEXT NOT NULL,
      action TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL,
      before TEXT, after TEXT);
    CREATE INDEX audit_by_entity ON audit(entity, entity_id);
    """
}
