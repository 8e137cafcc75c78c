from . import res_company
from . import res_config_settings
from . import inclusion_workshop
from . import inclusion_workshop_session
from . import inclusion_workshop_registration
from . import inclusion_attendance
from . import hr_employee
from . import hr_employee_public
