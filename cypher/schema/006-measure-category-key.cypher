CREATE CONSTRAINT measure_category_key IF NOT EXISTS FOR (n:MeasureCategory) REQUIRE n.key IS UNIQUE
