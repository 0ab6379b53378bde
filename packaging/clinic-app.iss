; Inno Setup script: the Windows installer for the one-folder build.
;
;   powershell -ExecutionPolicy Bypass -File packaging\build_windows.ps1
;   iscc /DAppVersion=0.1.0 packaging\clinic-app.iss
;
; Output: dist\clinic-app-<version>-setup.exe. Installs dist\clinic-app\ to
; "C:\Program Files\Clinic App" (per-machine; per-user when the user is not an administrator),
; with Start menu and optional desktop shortcuts and an uninstaller. The cases database lives
; in the user's data folder and is never touched by the installer or the uninstaller.
; Paths are relative to this file (packaging\). Needs Inno Setup 6.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Clinic App"
#define AppExe "clinic-app.exe"

[Setup]
AppId={{6E0B7F4C-8A7D-4B8E-9C61-2F6C1C9A5E21}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=clinic-app maintainers
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\dist
OutputBaseFilename=clinic-app-{#AppVersion}-setup
SetupIconFile=..\build\icons\clinic-app.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
LicenseFile=NOTICE.txt

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\dist\clinic-app\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\Uninstall {#AppName}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
