from . import test_insertion
from . import test_ui
from . import test_insertion_security
from . import test_access_matrix
from . import test_desk_story
from . import test_follow_up
from . import test_follow_up_security
from . import test_insertion_privacy
