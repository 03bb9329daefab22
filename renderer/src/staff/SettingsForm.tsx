/**
 * The staff settings form. Values come from main without secrets; a secret field is empty and
 * says whether one is set, and only what staff type into it is sent (write-only). Only changed
 * values are sent, so the provisioning file's values stay in charge of everything else.
 */
import { useEffect, useState } from 'react';
import type { ConnectionTestDraft, EditablePath, FieldIssue, SecretPath, SettingValue, StaffSettingsView } from '../../../electron/shared/staff-view';
import { kioskBridge } from '../kiosk-bridge';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n/i18n';
import { supportedLanguage } from '../i18n/translator';
import { issueText } from './issue-text';
import { isSecretField, mustReenter, SETTING_GROUPS, type SettingField } from './settings-fields';

interface SettingsFormProps {
  view: StaffSettingsView;
  onSaving: () => void;
  onSaved: () => void;
  /** The Identify URL and token as typed, for "Test connection" before saving. */
  onDraft?: (draft: ConnectionTestDraft) => void;
}

export function SettingsForm({ view, onSaving, onSaved, onDraft }: SettingsFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<EditablePath, SettingValue>>(view.values);
  const [secrets, setSecrets] = useState<Partial<Record<SecretPath, string>>>({});
  const [errors, setErrors] = useState<FieldIssue[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const secretsWritable = view.secretStorage.available;
  const identifyUrl = values['identify.baseUrl'];
  const identifyToken = secrets['identify.token'];
  useEffect(() => {
    onDraft?.({ ...(typeof identifyUrl === 'string' ? { baseUrl: identifyUrl } : {}), ...(identifyToken ? { token: identifyToken } : {}) });
  }, [identifyUrl, identifyToken, onDraft]);

  const save = async () => {
    const changed = Object.fromEntries(Object.entries(values).filter(([path, value]) => view.values[path as EditablePath] !== value));
    setStatus(t('staff.saving'));
    onSaving();
    try {
      const result = await kioskBridge()?.staffSave({ values: changed, secrets });
      if (!result) return;
      if (result.ok) {
        // The panel says "saved" and reloads the form from main's new values.
        setStatus(null);
        onSaved();
      } else {
        setErrors(result.errors);
        setStatus(t('staff.notSaved'));
      }
    } catch (error) {
      setStatus(`${t('staff.notSaved')} ${(error as Error).message}`);
    }
  };

  const errorFor = (path: string) => errors.filter((error) => error.field === path).map((error) => issueText(t, error)).join('; ');

  return (
    <form
      className="staff-form"
      noValidate
      aria-label={t('staff.settingsTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {!view.secretStorage.available && <p className="staff-note">{t(`staff.secretStorage.${view.secretStorage.code}`)}</p>}
      {SETTING_GROUPS.map((group) => (
        <fieldset key={group.title}>
          <legend>{t(`staff.groups.${group.title}`)}</legend>
          {group.fields.map((field) => {
            const locked = view.locked.includes(field.path);
            const id = `field-${field.path.replaceAll('.', '-')}`;
            const error = errorFor(field.path);
            const reenter = isSecretField(field) && mustReenter(field.path, values, view);
            const described = [error ? `${id}-error` : '', reenter ? `${id}-reenter` : ''].filter(Boolean).join(' ') || undefined;
            return (
              <div className="staff-field" key={field.path}>
                <label htmlFor={id}>
                  {t(`staff.fields.${field.label}`)}
                  {locked && <span className="staff-locked"> {t('staff.lockedField')}</span>}
                </label>
                {isSecretField(field) ? (
                  <input
                    id={id}
                    type="password"
                    autoComplete="off"
                    // The environment's secret goes only to the provisioning file's URL: a new one may be typed for another.
                    disabled={locked || !secretsWritable || (Boolean(view.secretsFromEnv[field.path]) && !reenter)}
                    placeholder={
                      reenter
                        ? t('staff.secretNotSet')
                        : view.secretsFromEnv[field.path]
                        ? t('staff.secretFromEnv', { name: view.secretsFromEnv[field.path] ?? '' })
                        : view.secretsSet[field.path]
                          ? t('staff.secretSet')
                          : t('staff.secretNotSet')
                    }
                    value={secrets[field.path] ?? ''}
                    onChange={(event) => setSecrets({ ...secrets, [field.path]: event.target.value })}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={described}
                  />
                ) : (
                  <SettingInput id={id} field={field} view={view} locked={locked} value={values[field.path]} error={error} onChange={(value) => setValues({ ...values, [field.path]: value })} />
                )}
                {reenter && (
                  <span className="staff-note" id={`${id}-reenter`}>
                    {t('staff.secretNewOrigin')}
                  </span>
                )}
                {error && (
                  <span className="staff-error" id={`${id}-error`} role="alert">
                    {t(`staff.fields.${field.label}`)}: {error}
                  </span>
                )}
              </div>
            );
          })}
        </fieldset>
      ))}
      {errors
        .filter((error) => !SETTING_GROUPS.some((group) => group.fields.some((field) => field.path === error.field)))
        .map((error) => (
          <p className="staff-error" role="alert" key={`${error.field}:${error.message}`}>
            {error.field}: {issueText(t, error)}
          </p>
        ))}
      <div className="staff-actions">
        <button type="submit" disabled={status === t('staff.saving')}>
          {t('staff.save')}
        </button>
        {status && (
          <output className="staff-status" aria-live="polite">
            {status}
          </output>
        )}
      </div>
    </form>
  );
}

interface SettingInputProps {
  id: string;
  field: SettingField;
  view: StaffSettingsView;
  locked: boolean;
  value: SettingValue;
  error: string;
  onChange(value: SettingValue): void;
}

function SettingInput({ id, field, view, locked, value, error, onChange }: SettingInputProps) {
  const { t } = useTranslation();
  const common = { id, disabled: locked, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-error` : undefined };
  switch (field.kind) {
    case 'checkbox':
      return <input {...common} type="checkbox" checked={value === true} onChange={(event) => onChange(event.target.checked)} />;
    case 'number':
      return <input {...common} type="number" value={typeof value === 'number' ? value : ''} onChange={(event) => onChange(event.target.value === '' ? null : Number(event.target.value))} />;
    case 'language':
      return (
        <select {...common} value={supportedLanguage(String(value ?? 'en'), LANGUAGES.map((language) => language.code))} onChange={(event) => onChange(event.target.value)}>
          {LANGUAGES.map((language) => (
            <option key={language.code} value={language.code} lang={language.code}>
              {language.name}
            </option>
          ))}
        </select>
      );
    case 'camera':
      return (
        <select {...common} value={String(value ?? '')} onChange={(event) => onChange(event.target.value || null)}>
          <option value="">{t('staff.firstCamera')}</option>
          {view.cameras.map((camera) => (
            <option key={camera.deviceId} value={camera.deviceId}>
              {camera.label}
            </option>
          ))}
          {typeof value === 'string' && value && !view.cameras.some((camera) => camera.deviceId === value) && <option value={value}>{t('staff.cameraNotFound')}</option>}
        </select>
      );
    case 'serial':
      return (
        <>
          <input {...common} type="text" list={`${id}-ports`} placeholder={t('staff.noSerial')} value={String(value ?? '')} onChange={(event) => onChange(event.target.value)} />
          <datalist id={`${id}-ports`}>
            {view.serialPorts.map((port) => (
              <option key={port.path} value={port.path}>
                {port.label}
              </option>
            ))}
          </datalist>
        </>
      );
    default:
      return <input {...common} type={field.kind === 'url' ? 'url' : 'text'} value={String(value ?? '')} onChange={(event) => onChange(event.target.value)} />;
  }
}
