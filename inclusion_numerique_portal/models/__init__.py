from . import res_company
from . import res_config_settings
from . import inclusion_beneficiary
from . import inclusion_referral
from . import inclusion_slot_pattern
from . import inclusion_slot
from . import inclusion_support
