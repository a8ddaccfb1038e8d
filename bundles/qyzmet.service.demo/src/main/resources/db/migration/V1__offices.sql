-- The demonstration service's own table: brought by the bundle, migrated when it starts.
CREATE TABLE demo_office (
    code        VARCHAR(20)  NOT NULL PRIMARY KEY,
    city_kk     VARCHAR(100) NOT NULL,
    city_ru     VARCHAR(100) NOT NULL,
    city_en     VARCHAR(100) NOT NULL,
    address     VARCHAR(300) NOT NULL,
    phone       VARCHAR(30)  NOT NULL,
    opens_at    TIME         NOT NULL,
    closes_at   TIME         NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO demo_office VALUES
    ('ALA', 'Алматы', 'Алматы', 'Almaty', 'Al-Farabi Ave 77/7, Esentai Tower', '+77272323322', '09:00', '18:00'),
    ('AST', 'Астана', 'Астана', 'Astana', 'Dostyk St 16, Talan Towers', '+77172727788', '09:00', '18:00');
