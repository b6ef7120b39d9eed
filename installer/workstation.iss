; Inno Setup script for Windows: builds on the PyInstaller output in dist\workstation
; (run `pyinstaller --noconfirm installer\workstation.spec` on Windows first, then
; `iscc installer\workstation.iss`). Not built on Linux; keep in step with
; installer/build_deb.py (version, tel:/sip: handler, icon).
#define AppVersion "0.1.0"

[Setup]
AppId={{6F1B2E7C-4C1D-4E8B-9B0E-2D6A9C5F7A11}
AppName=Workstation
AppVersion={#AppVersion}
AppPublisher=Workstation team
; Per-user install: no administrator needed; {autopf} is then
; %LOCALAPPDATA%\Programs and the registry keys below go to HKCU.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\Workstation
DefaultGroupName=Workstation
DisableProgramGroupPage=yes
; The running app holds this mutex (workstation.views.singleinstance): setup and
; uninstall ask the user to close it first.
AppMutex=WorkstationSingleInstance
OutputDir=..\dist
OutputBaseFilename=workstation-setup-{#AppVersion}
UninstallDisplayIcon={app}\workstation.exe
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"
Name: "uk"; MessagesFile: "compiler:Languages\Ukrainian.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\dist\workstation\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Workstation"; Filename: "{app}\workstation.exe"
Name: "{autodesktop}\Workstation"; Filename: "{app}\workstation.exe"; Tasks: desktopicon

[Registry]
; tel: and sip: links open the app (a running one dials: single instance).
; HKA = HKCU for a per-user install, HKLM for an administrative one.
Root: HKA; Subkey: "Software\Classes\tel"; ValueType: string; ValueName: ""; ValueData: "URL:Telephone call"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\tel"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\tel\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\workstation.exe,0"
Root: HKA; Subkey: "Software\Classes\tel\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\workstation.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\sip"; ValueType: string; ValueName: ""; ValueData: "URL:SIP call"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\sip"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\sip\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\workstation.exe,0"
Root: HKA; Subkey: "Software\Classes\sip\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\workstation.exe"" ""%1"""

[Run]
Filename: "{app}\workstation.exe"; Description: "{cm:LaunchProgram,Workstation}"; Flags: nowait postinstall skipifsilent
