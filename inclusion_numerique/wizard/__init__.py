from . import inclusion_workshop_session_generate
from . import inclusion_beneficiary_merge
from . import inclusion_exit_wizard
