# Build the Windows installer of the intake station:
#   1. the PyInstaller bundle (packaging\intake.spec) in packaging\out\dist\intake,
#   2. its self-test offscreen (intake-cli.exe --self-test),
#   3. the icon (.ico from resources\icons\intake.svg),
#   4. optional code signing of the programs (set $env:SIGNTOOL_CERT_SHA1 to a certificate's thumbprint),
#   5. the Inno Setup installer packaging\out\intake-<version>-setup.exe (iscc from Inno Setup 6 on PATH,
#      or pass -Iscc "C:\Program Files (x86)\Inno Setup 6\ISCC.exe").
# Run from anywhere, with the project's virtualenv holding the "package" extra:
#   py -3.11 -m venv .venv; .venv\Scripts\pip install -e ".[package]"; powershell -File packaging\windows\build.ps1
param(
    [string]$Python = ".venv\Scripts\python.exe",
    [string]$Iscc = "iscc"
)
$ErrorActionPreference = "Stop"
Set-Location (Resolve-Path (Join-Path $PSScriptRoot "..\.."))

function Invoke-Checked {
    param([string]$Program, [string[]]$Arguments)
    Write-Host "+ $Program $($Arguments -join ' ')"
    & $Program @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Program exited with $LASTEXITCODE" }
}

$out = "packaging\out"
$version = (& $Python -c "from app import __version__; print(__version__)").Trim()
if ($LASTEXITCODE -ne 0 -or -not $version) { throw "could not read app.__version__ with $Python" }
Write-Host "intake $version"

$started = Get-Date
Invoke-Checked $Python @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
    "--distpath", "$out\dist", "--workpath", "$out\build", "packaging\intake.spec")
$bundle = "$out\dist\intake"

$env:QT_QPA_PLATFORM = "offscreen"
Invoke-Checked "$bundle\intake-cli.exe" @("--self-test")
Remove-Item Env:QT_QPA_PLATFORM

Invoke-Checked $Python @("packaging\buildassets.py", "icons", "$out\icons", "16", "32", "48", "256")
Invoke-Checked $Python @("-c", "from PIL import Image; Image.open(r'$out\icons\intake-256.png').save(r'$out\icons\intake.ico', sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])")

if ($env:SIGNTOOL_CERT_SHA1) {
    $timestamp = if ($env:SIGNTOOL_TIMESTAMP_URL) { $env:SIGNTOOL_TIMESTAMP_URL } else { "http://timestamp.digicert.com" }
    Invoke-Checked "signtool" @("sign", "/sha1", $env:SIGNTOOL_CERT_SHA1, "/fd", "sha256", "/tr", $timestamp, "/td", "sha256",
        "$bundle\intake.exe", "$bundle\intake-cli.exe")
}

$iss = "packaging\windows\intake.iss"
Invoke-Checked $Iscc @("/Q", "/DAppVersion=$version", "/DSourceDir=$(Resolve-Path $bundle)",
    "/DIconFile=$(Resolve-Path "$out\icons\intake.ico")", "/DOutputDir=$(Resolve-Path $out)", $iss)
$setup = "$out\intake-$version-setup.exe"

if ($env:SIGNTOOL_CERT_SHA1) {
    Invoke-Checked "signtool" @("sign", "/sha1", $env:SIGNTOOL_CERT_SHA1, "/fd", "sha256", "/tr", $timestamp, "/td", "sha256", $setup)
}

$size = (Get-Item $setup).Length / 1MB
Write-Host ("built {0}: {1:N1} MiB in {2:N0} s" -f $setup, $size, ((Get-Date) - $started).TotalSeconds)
