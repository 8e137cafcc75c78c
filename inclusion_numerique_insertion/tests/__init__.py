from . import test_insertion
from . import test_ui
from . import test_insertion_security
