from . import res_company
from . import res_config_settings
from . import inclusion_beneficiary
from . import hr_employee
from . import inclusion_equipment
from . import inclusion_equipment_handover
