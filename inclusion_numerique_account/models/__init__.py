from . import res_company
from . import res_config_settings
from . import inclusion_equipment_handover
from . import inclusion_beneficiary
