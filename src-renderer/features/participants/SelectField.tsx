// A labelled dropdown (react-aria Select) for one value out of a short list:
// perspective, a choice or yes/no attribute, an attribute type, a speaker.
import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components';

export interface SelectOption {
  id: string;
  name: string;
}

export function SelectField({ label, value, options, onChange, className = '', isDisabled = false, placeholder }: {
  label: string;
  value: string | null;
  options: readonly SelectOption[];
  onChange(id: string): void;
  className?: string;
  isDisabled?: boolean;
  placeholder?: string;
}) {
  return (
    <Select className={`people-select ${className}`} selectedKey={value} isDisabled={isDisabled} placeholder={placeholder}
      onSelectionChange={(key) => key !== null && onChange(String(key))}>
      <Label className="people-select__label">{label}</Label>
      <Button className="tool people-select__button"><SelectValue /><span aria-hidden="true"> ▾</span></Button>
      <Popover>
        <ListBox className="menu-list people-select__list" items={options}>
          {(o) => <ListBoxItem id={o.id} className="menu-item" textValue={o.name}>{o.name}</ListBoxItem>}
        </ListBox>
      </Popover>
    </Select>
  );
}
