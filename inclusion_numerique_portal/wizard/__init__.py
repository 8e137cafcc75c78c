from . import inclusion_slot_book
