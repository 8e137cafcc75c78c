from . import test_insertion
from . import test_ui
