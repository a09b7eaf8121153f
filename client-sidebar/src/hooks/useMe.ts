// The signed-in member, for the parts of the sidebar that depend on their role (the server refuses the rest anyway;
// the sidebar does not offer what it would refuse).
import { roleAtLeast } from '@xiaoer/common/constants/roles';
import { createContext, useContext } from 'react';
import type { Me } from '../services/boot';

export const MeContext = createContext<Me | null>(null);

export const useMe = () => useContext(MeContext);

/** 存为常见问答 writes the shop's knowledge: managers and owners (POST /learning/staff-answers). */
export const canSaveFaq = (me: Me | null) => !!me && roleAtLeast(me.role, 'manager');
