from . import test_workshop
from . import test_workshop_concurrency
from . import test_workshop_security
from . import test_settings
from . import test_ui
from . import test_access_matrix
from . import test_roll_call_desk
