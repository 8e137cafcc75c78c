from contextlib import contextmanager


@contextmanager
def local_settings(cr, **settings):
    """PostgreSQL settings for the statements of the block only, then back to the
    session's values (set_config(..., is_local) would last until the transaction ends).

    The reports use it for `work_mem` (a year of a large structure spills to disk with the
    default 4 MB) and `jit` (their large cost estimates make PostgreSQL compile them, which
    takes longer than running them)."""
    names = list(settings)
    cr.execute(
        "SELECT " + ", ".join("current_setting(%s), set_config(%s, %s, TRUE)" for _ in names),
        [value for name in names for value in (name, name, str(settings[name]))],
    )
    previous = cr.fetchone()[::2]
    try:
        yield
    finally:
        cr.execute(
            "SELECT " + ", ".join("set_config(%s, %s, TRUE)" for _ in names),
            [value for name, old in zip(names, previous, strict=True) for value in (name, old)],
        )
