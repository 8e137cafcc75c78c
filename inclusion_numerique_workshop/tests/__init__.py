from . import test_workshop
from . import test_workshop_concurrency
from . import test_ui
from . import test_workshop_security
