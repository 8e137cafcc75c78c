from . import equipment_sales_xlsx
