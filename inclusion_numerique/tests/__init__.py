from . import test_foundation
from . import test_ui
from . import test_insertion
