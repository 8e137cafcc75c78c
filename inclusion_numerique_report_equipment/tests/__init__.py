from . import test_equipment_figures
from . import test_sales_export
