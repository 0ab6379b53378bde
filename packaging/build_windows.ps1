# Build the one-folder Windows program: dist\clinic-app\clinic-app.exe (+ dist\clinic-app\_internal\).
#
#   powershell -ExecutionPolicy Bypass -File packaging\build_windows.ps1 [-Python py] [-Venv build\venv]
#   ... -UseCurrentPython     (CI: the app and the "dev" extra are already installed in it)
#
# Needs 64-bit Python >= 3.10 (python.org or the Microsoft Store) and network access to PyPI.
# Makes (or reuses) a virtual environment, installs the app with the "dev" extra only (never
# "train": TensorFlow must not be there to be bundled), runs PyInstaller with
# packaging\clinic-app.spec and checks the result (packaging\check_bundle.py). The installer
# is made afterwards with Inno Setup: iscc packaging\clinic-app.iss (see packaging\README.md).
# Not run on Linux CI: packaging\windows-build.yml runs it on a Windows runner.
param(
    [string]$Python = "python",
    [string]$Venv = "build\venv",
    [switch]$UseCurrentPython
)
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")

function Invoke-Checked {
    param([string]$Exe, [string[]]$Arguments)
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

if ($UseCurrentPython) {
    $py = (Get-Command $Python).Source
} else {
    $py = Join-Path $Venv "Scripts\python.exe"
    if (-not (Test-Path $py)) {
        Write-Host "== creating $Venv"
        Invoke-Checked $Python @("-m", "venv", $Venv)
    }
    Write-Host "== installing the app and PyInstaller into $Venv"
    Invoke-Checked $py @("-m", "pip", "install", "-q", "--upgrade", "pip")
    Invoke-Checked $py @("-m", "pip", "install", "-q", "-e", ".[dev]")
}
& $py -c "import importlib.util, sys; sys.exit(0 if importlib.util.find_spec('tensorflow') else 1)"
if ($LASTEXITCODE -eq 0) { throw "TensorFlow is installed in the build Python ($py); use a clean environment" }

Write-Host "== PyInstaller"
$watch = [System.Diagnostics.Stopwatch]::StartNew()
Invoke-Checked $py @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
    "--distpath", "dist", "--workpath", "build\pyinstaller", "packaging\clinic-app.spec")
Write-Host ("== built in {0:N0} s" -f $watch.Elapsed.TotalSeconds)

Invoke-Checked $py @("packaging\check_bundle.py", "dist\clinic-app")
