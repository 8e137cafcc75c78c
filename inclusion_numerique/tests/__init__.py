from . import test_foundation
from . import test_ui
from . import test_desk
from . import test_support
from . import test_beneficiary
from . import test_beneficiary_performance
from . import test_security
from . import test_access_matrix
