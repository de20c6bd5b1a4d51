"""Learned models over the pipeline's output: the token risk (:mod:`.tokens`: features of each
Japanese token and the model fitted on WMT22 QE word tags, shown as a heat map) and the
confidence of findings (:mod:`.confidence`: the probability that a reviewer marks a finding
an error, fitted on WMT24 ESA spans, which sets its reported severity). Their coefficients
are JSON files under ``mtqa/data/``; the fitting scripts live in ``benchmarks/``.
"""
