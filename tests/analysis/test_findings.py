def test_the_curve_needs_no_networkx():
    """The canvas draws the curve at start-up: importing the analysis and computing the
    curve must not import networkx (about 200 ms)."""
    import subprocess
    import sys

    code = (
        "import sys; from tpmapper.analysis import curve; "
        "from tpmapper.files.templates import sample_path; from tpmapper.files.tpmap import load; "
        "assert curve(load(sample_path('en'))); print('networkx' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr
