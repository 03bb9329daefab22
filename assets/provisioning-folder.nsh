; The machine-wide provisioning folder, %ProgramData%\Counter Loyalty Kiosk (README, "Rolling out
; to stores"). The kiosk reads config.json there before its own, and that file says where the
; chain's credentials go and holds the staff PIN's hash: only administrators may write it.
; Windows lets any user create a subfolder of %ProgramData% and write in it (CREATOR OWNER), so,
; left to chance, a standard user could make the folder first and plant a configuration.
;
; electron-builder inserts customInstall at the end of its install section
; (app-builder-lib/templates/nsis/installSection.nsh); electron-builder.yml names this file as
; nsis.include. test/unit/provisioning-folder-script.test.ts compiles it with makensis.
;
; The folder's access list (SIDs, not names, so it holds on every Windows language):
;   SYSTEM and Administrators: full control; Users: read and execute; nothing inherited from
;   %ProgramData%; OWNER RIGHTS: read and execute, which takes away the folder owner's implicit
;   right to change the list. So when a standard user runs this per-user installer, the folder
;   is theirs, yet they can neither write in it nor open it up again.
; - The folder does not exist: it is created with that list in one call (no moment in which
;   someone else could write in it), owned by Administrators when the installer is elevated.
; - It exists and the installer is elevated: owner and list are reset on it and everything in
;   it (whoever made it loses their rights), and the log asks an administrator to check what is
;   in it. Not elevated (the usual one-click install, and every silent update): it is left as it
;   is, and the log says so; README, "Rolling out to stores", has the icacls lines to do it by hand.

!define KIOSK_PROVISIONING_FOLDER "Counter Loyalty Kiosk"
; FOLDERID_ProgramData, asked of Windows: the ProgramData environment variable is the user's to set.
!define KIOSK_FOLDERID_PROGRAMDATA "{62AB5D82-FDC1-4DC3-A9DD-070D1D495D97}"
; Protected (P: nothing inherited); OI CI: files and subfolders get the same.
!define KIOSK_FOLDER_DACL "D:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;FRFX;;;BU)(A;OICI;FRFX;;;OW)"
!define KIOSK_FOLDER_ICACLS "/inheritance:r /grant:r *S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX *S-1-3-4:(OI)(CI)RX"

!macro customInstall
  Push $0
  Push $1
  Push $2
  Push $3
  Push $4
  StrCpy $2 0
  System::Call 'SHELL32::SHGetKnownFolderPath(g "${KIOSK_FOLDERID_PROGRAMDATA}", i 0, p 0, *p .r2) i .r1'
  ${If} $1 == 0
    System::Call 'KERNEL32::lstrcpynW(w .r0, p r2, i ${NSIS_MAX_STRLEN}) p'
  ${EndIf}
  ${If} $2 != 0
    System::Call 'OLE32::CoTaskMemFree(p r2)'
  ${EndIf}

  ${If} $1 != 0
    DetailPrint "Provisioning folder: Windows did not name ProgramData (error $1); nothing was made."
  ${Else}
    StrCpy $0 "$0\${KIOSK_PROVISIONING_FOLDER}"
    ${If} ${FileExists} "$0\*.*"
      ${If} ${UAC_IsAdmin}
        nsExec::ExecToLog 'icacls "$0" /setowner *S-1-5-32-544 /T /C /Q'
        Pop $1
        nsExec::ExecToLog 'icacls "$0" /reset /T /C /Q'
        Pop $1
        nsExec::ExecToLog 'icacls "$0" ${KIOSK_FOLDER_ICACLS} /Q'
        Pop $1
        ${If} $1 == 0
          DetailPrint "Provisioning folder $0 existed: now owned and writable by administrators only. Check that what is in it is yours."
        ${Else}
          DetailPrint "Provisioning folder $0 existed and its access could not be reset (icacls: $1): fix it by hand (README, Rolling out to stores)."
        ${EndIf}
      ${Else}
        DetailPrint "Provisioning folder $0 exists; its access was not checked (not elevated). An administrator should make it theirs alone (README, Rolling out to stores)."
      ${EndIf}
    ${Else}
      ; Owner Administrators needs an elevated token; a standard user's folder is theirs, locked by OWNER RIGHTS.
      ${If} ${UAC_IsAdmin}
        StrCpy $1 "O:BA${KIOSK_FOLDER_DACL}"
      ${Else}
        StrCpy $1 "${KIOSK_FOLDER_DACL}"
      ${EndIf}
      StrCpy $3 0
      System::Call 'ADVAPI32::ConvertStringSecurityDescriptorToSecurityDescriptorW(w r1, i 1, *p .r3, p 0) i .r1'
      ${If} $1 == 0
        DetailPrint "Provisioning folder: the access list could not be made; $0 was not created."
      ${Else}
        ; SECURITY_ATTRIBUTES { nLength, lpSecurityDescriptor, bInheritHandle }
        System::Call '*(&l4, p r3, i 0) p .r4'
        System::Call 'KERNEL32::CreateDirectoryW(w r0, p r4) i .r1'
        System::Free $4
        System::Call 'KERNEL32::LocalFree(p r3) p'
        ${If} $1 == 0
          DetailPrint "Provisioning folder $0 could not be created."
        ${Else}
          DetailPrint "Provisioning folder $0 created, writable by administrators only."
        ${EndIf}
      ${EndIf}
    ${EndIf}
  ${EndIf}
  Pop $4
  Pop $3
  Pop $2
  Pop $1
  Pop $0
!macroend
