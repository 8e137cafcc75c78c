from . import hr_contract
from . import hr_employee
from . import hr_work_entry
from . import inclusion_workshop
from . import inclusion_workshop_session
from . import inclusion_attendance
