"""Everything one running sandbox knows: its settings, its store and its fault plan."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from app import wire
from app.sandbox.faults import FaultPlan
from app.sandbox.store import SandboxStore
from app.sandbox.uploads import DEFAULT_MAX_UPLOAD_BYTES

PLAN_PRO = "pro"
PLAN_BASIC = "basic"
PLANS: tuple[str, ...] = (PLAN_PRO, PLAN_BASIC)


@dataclass
class SandboxSettings:
    """What the sandbox plays: the store's key, its jurisdiction and its vendor plan; ``rename``,
    a POS that calls some fields by another name (our name -> its name, as a managed file's
    ``[wire_names]``); ``clock_offset``, seconds its clock (the ``Date`` header) is ahead."""

    api_key: str = "sandbox-key"
    jurisdiction: str = "CA"
    plan: str = PLAN_PRO
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES
    fault_rate: float = 0.0
    seed: int | None = None
    rename: dict[str, str] = field(default_factory=dict)
    clock_offset: float = 0.0

    def __post_init__(self) -> None:
        self.rename = wire.check_mapping(self.rename, "rename")
        self.clock_offset = float(self.clock_offset)
        self.jurisdiction = self.jurisdiction.strip().upper()
        if self.plan not in PLANS:
            raise ValueError(f"plan must be one of {', '.join(PLANS)}, not {self.plan!r}")
        if not self.api_key:
            raise ValueError("the sandbox needs a non-empty API key")
        if self.max_upload_bytes < 1:
            raise ValueError("max_upload_bytes must be positive")


@dataclass
class SandboxState:
    settings: SandboxSettings
    store: SandboxStore = field(default_factory=SandboxStore)
    faults: FaultPlan = field(default_factory=FaultPlan)

    def __post_init__(self) -> None:
        self._initial = replace(self.settings)
        self.faults.set_rate(self.settings.fault_rate, self.settings.seed)

    @property
    def names(self) -> wire.WireNames:
        return wire.WireNames(self.settings.rename)

    def set_fault_rate(self, rate: float, seed: int | None = None) -> None:
        self.faults.set_rate(rate, seed)
        self.settings.fault_rate = self.faults.rate
        self.settings.seed = seed

    def reset(self) -> None:
        """As freshly started: no customers, uploads or scripted faults; settings as constructed."""
        self.store.reset()
        self.faults.clear()
        self.settings = replace(self._initial, rename=dict(self._initial.rename))
        self.faults.set_rate(self.settings.fault_rate, self.settings.seed)
