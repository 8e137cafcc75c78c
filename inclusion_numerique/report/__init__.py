from . import equipment_sales_xlsx
from . import inclusion_workshop_certificate
