"""Charts drawn in worker processes: the same files as in one process, errors raised in the
caller (the chart's own or a WorkerError when a worker dies), no process left behind."""

from __future__ import annotations

import multiprocessing
import os

import matplotlib

matplotlib.use("Agg")

import pytest

from discourse import plots
from discourse.errors import InvalidOptionError, WorkerError
from discourse.plots import export
from discourse.plots.parallel import ChartPool
from discourse.save import save_analysis


def _files(folder) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_pool_writes_the_same_files_as_one_process(tmp_path, analysis):
    serial = plots.save_charts(analysis, tmp_path / "serial", dpi=30)
    with ChartPool(jobs=2) as pool:
        pending = pool.submit(analysis, tmp_path / "pool", dpi=30)
        parallel = pending.result()
        again = pool.save_charts(analysis, tmp_path / "again", dpi=30)  # workers reused
    assert list(parallel) == list(serial) == list(again)  # registration order kept
    for name, paths in parallel.items():
        assert [p.name for p in paths] == [f"{name}.png", f"{name}.svg", f"{name}.pdf"]
    assert _files(tmp_path / "pool") == _files(tmp_path / "serial") == _files(tmp_path / "again")
    assert not multiprocessing.active_children()  # every worker stopped


def test_pool_skips_charts_without_data(tmp_path, bare):
    with ChartPool(jobs=2) as pool:
        saved = pool.save_charts(bare, tmp_path, formats="png", dpi=20)
    assert set(saved) == {"keyword_rates", "dispersion", "segments"}


def test_one_job_draws_here_without_processes(tmp_path, analysis):
    with ChartPool(jobs=1) as pool:
        saved = pool.save_charts(analysis, tmp_path, formats=("svg",), dpi=20)
        assert not multiprocessing.active_children()
    assert set(saved) == set(plots.CHARTS)


def test_options_are_checked_before_any_work(tmp_path, analysis):
    with ChartPool(jobs=2) as pool:
        with pytest.raises(InvalidOptionError, match="format"):
            pool.submit(analysis, tmp_path, formats=("gif",))
        with pytest.raises(InvalidOptionError, match="dpi"):
            pool.submit(analysis, tmp_path, dpi=0)
        with pytest.raises(InvalidOptionError, match="style"):
            pool.submit(analysis, tmp_path, style="poster")
    with pytest.raises(InvalidOptionError, match="jobs"):
        ChartPool(jobs=0)
    assert not list(tmp_path.iterdir())


def _fails(analysis, name, *args, **kwargs):
    if name == "segments":
        raise InvalidOptionError("segments: broken on purpose; fix the test.")
    return None


def _dies(analysis, name, *args, **kwargs):
    os._exit(3)


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                    reason="the workers inherit the patched function only when they fork")
@pytest.mark.parametrize(("save_chart", "error", "match"), [
    (_fails, InvalidOptionError, "on purpose"),  # a chart's own error reaches the caller
    (_dies, WorkerError, "--no-charts"),  # a dead worker is a WorkerError
], ids=["chart error", "dead worker"])
def test_worker_failures_reach_the_caller(tmp_path, analysis, monkeypatch, save_chart, error,
                                          match):
    monkeypatch.setattr(export, "save_chart", save_chart)
    with ChartPool(jobs=2) as pool, pytest.raises(error, match=match):
        pool.save_charts(analysis, tmp_path)
    assert not multiprocessing.active_children()


def test_save_analysis_with_a_pool_writes_charts_and_report(tmp_path, analysis):
    with ChartPool(jobs=2) as pool:
        out = save_analysis(analysis, tmp_path / "out", formats=("png",), pool=pool)
    charts = sorted(p.name for p in (out / "charts").iterdir())
    assert charts == sorted(f"{name}.png" for name in plots.CHARTS)
    assert "data:image/png;base64" in (out / "report.html").read_text(encoding="utf-8")


def test_workers_start_the_costliest_charts_first():
    from discourse.plots.parallel import costliest_first
    from discourse.plots.registry import registered_charts

    registry = registered_charts()
    names = list(registry)
    order = costliest_first(names)
    assert sorted(order) == sorted(names)
    costs = [registry[name].cost for name in order]
    assert costs == sorted(costs, reverse=True) and costs[0] > costs[-1]
    same = [name for name in order if registry[name].cost == 1.0]
    assert same == [name for name in names if registry[name].cost == 1.0]  # ties kept in order
