"""JMdict from several threads: jamdict's SQLite connections belong to the thread that
opened them. One shared jamdict object, first used in a worker thread, failed in every
other thread, and the failure read as "no entry": the dictionary back-translation and the
glosses went silently empty for the rest of the process (a notebook or a server checking
from threads, or a test that did)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap


def test_the_first_lookup_in_a_worker_thread_leaves_the_others_working():
    # a fresh process: the dictionary first opened in a thread, then used by the main
    # thread and by another thread, for words never looked up before in either
    code = textwrap.dedent("""
        import json
        import threading
        from mtqa.text import jmdict
        out = {}
        def first():
            out["worker"] = sorted(jmdict.gloss_words("校長"))
        t = threading.Thread(target=first); t.start(); t.join()
        out["main"] = sorted(jmdict.gloss_words("大臣"))
        def other():
            out["other"] = sorted(jmdict.gloss_words("外相"))
        t = threading.Thread(target=other); t.start(); t.join()
        print(json.dumps(out))
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    out = json.loads(done.stdout)
    assert "principal" in out["worker"]
    assert "minister" in out["main"]
    assert "minister" in out["other"]
