import type { ComponentChildren, JSX, Ref } from 'preact';
import { Icon, type IconName } from './Icon';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

export type ButtonProps = Omit<JSX.ButtonHTMLAttributes<HTMLButtonElement>, 'icon'> & {
  variant?: ButtonVariant;
  icon?: IconName;
  /** Compact (28 px) for the overlay strip; the default is 32 px. */
  small?: boolean;
  children?: ComponentChildren;
  /** Preact function components do not forward `ref`; this reaches the <button>. */
  buttonRef?: Ref<HTMLButtonElement>;
};

/** The one button: a quiet secondary by default, the accent for the primary action of a view. */
export function Button(props: ButtonProps) {
  const { variant = 'secondary', icon, small, children, class: cls, type = 'button', buttonRef, ...rest } = props;
  const classes = ['btn', `btn--${variant}`, small ? 'btn--small' : '', cls ?? ''].filter(Boolean).join(' ');
  return (
    <button ref={buttonRef} type={type} class={classes} {...rest}>
      {icon && <Icon name={icon} />}
      {children}
    </button>
  );
}

/** A square button that shows only an icon; `label` becomes its accessible name and tooltip. */
export function IconButton(props: Omit<ButtonProps, 'children'> & { label: string; icon: IconName }) {
  const { label, class: cls, title, ...rest } = props;
  return <Button {...rest} aria-label={label} title={title ?? label} class={`btn--icon ${cls ?? ''}`} />;
}
