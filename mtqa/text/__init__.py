"""Text tools shared by the aligner, the checks and the risk model: English words and stems
(:mod:`.english`), Japanese tokens and readings (:mod:`.japanese`), JMdict glosses
(:mod:`.jmdict`), phonetic name keys (:mod:`.phonetic`), numbers in both languages
(:mod:`.numerals`), the shipped word lists (:mod:`.wordlists`), the bilingual lexicon
(:mod:`.lexicon`), sentence similarity (:mod:`.similarity`), the title glossary
(:mod:`.glossary`), language detection (:mod:`.language`) and the per-article text caches
(:mod:`.cache`). None of them knows about findings or reports: they describe text.
"""
