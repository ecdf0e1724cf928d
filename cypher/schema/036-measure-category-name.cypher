CREATE RANGE INDEX measure_category_name IF NOT EXISTS FOR (n:MeasureCategory) ON (n.name)
