from . import equipment_sales_xlsx
from . import inclusion_workshop_certificate
from . import inclusion_insertion_report
