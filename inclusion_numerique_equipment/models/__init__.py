from . import res_company
from . import res_config_settings
from . import inclusion_equipment
from . import inclusion_equipment_handover
from . import hr_employee
from . import hr_employee_public
from . import inclusion_beneficiary
